"""Response headers Django has no setting for. The Content-Security-Policy is django-csp's
(settings.CONTENT_SECURITY_POLICY)."""

# Nothing on the portal uses these browser features; a script injected despite the CSP could
# not either. Geolocation stays possible for the portal's own pages (finding the nearest
# municipality is a planned enhancement).
PERMISSIONS_POLICY = ", ".join(
    [
        "geolocation=(self)",
        "camera=()",
        "microphone=()",
        "payment=()",
        "usb=()",
        "serial=()",
        "bluetooth=()",
        "midi=()",
        "magnetometer=()",
        "gyroscope=()",
        "accelerometer=()",
        "display-capture=()",
        "browsing-topics=()",
    ]
)


class SecurityHeadersMiddleware:
    """Permissions-Policy, and Cross-Origin-Resource-Policy: no other site may embed our
    pages, images or files in its own (the open data is fetched with CORS, which this does not
    restrict)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
