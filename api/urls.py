from django.urls import path

from returnee_portal.pagecache import public_page

from . import views

app_name = "api"

# The HSDS 3.0 API specification's paths (vendor/hsds/schema/openapi.json), under /api/hsds/:
# each kind of record as a list and one by its id.
RECORDS = [
    ("services", views.Services, views.Service),
    ("organizations", views.Organizations, views.Organization),
    ("taxonomies", views.Taxonomies, views.Taxonomy),
    ("taxonomy_terms", views.TaxonomyTerms, views.TaxonomyTerm),
    ("service_at_locations", views.ServiceAtLocations, views.ServiceAtLocation),
]

urlpatterns = [
    path("", public_page(views.Root.as_view()), name="root"),
    path("openapi.json", public_page(views.openapi_document), name="openapi"),
]
for kind, listing, record in RECORDS:
    urlpatterns += [
        path(kind, public_page(listing.as_view()), name=kind),
        path(f"{kind}/<path:hsds_id>", public_page(record.as_view()), name=f"{kind}_one"),
    ]
