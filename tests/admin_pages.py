"""Reading admin pages as a browser would: the helpers every admin test shares."""

from django.urls import reverse


def admin_url(obj, view, *args):
    """The admin URL of `view` ("change", "history", "changelist", "add" ...) for `obj`."""
    opts = obj._meta
    pk = [] if view in ("changelist", "add") else [obj.pk]
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[*pk, *args])


def form_data(client, url):
    """What the admin form at `url` would post unchanged: hidden fields and inlines included."""
    context = client.get(url).context
    data = {}
    for field in context["adminform"].form:
        value = field.value()
        if value is not None and value is not False:
            data[field.html_name] = "on" if value is True else value
    for inline in context.get("inline_admin_formsets", []):
        management = inline.formset.management_form
        data.update({field.html_name: field.value() for field in management})
        data[management["TOTAL_FORMS"].html_name] = management["INITIAL_FORMS"].value()
    return data
