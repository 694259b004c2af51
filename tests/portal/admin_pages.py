"""Reading admin pages as a browser would, for the history and locking tests."""

from django.urls import reverse


def admin_url(obj, view, *args):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk, *args])


def form_data(client, url):
    """What the admin form at `url` would post unchanged, hidden fields included."""
    form = client.get(url).context["adminform"].form
    data = {}
    for field in form:
        value = field.value()
        if value is not None and value is not False:
            data[field.html_name] = "on" if value is True else value
    return data
