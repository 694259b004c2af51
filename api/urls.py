from django.urls import path

from returnee_portal.pagecache import public_page

from . import views

app_name = "api"

# The HSDS 3.0 API specification's paths (vendor/hsds/schema/openapi.json), under /api/hsds/.
urlpatterns = [
    path("", public_page(views.Root.as_view()), name="root"),
    path("openapi.json", public_page(views.openapi_document), name="openapi"),
    path("services", public_page(views.Services.as_view()), name="services"),
    path("services/<path:hsds_id>", public_page(views.Service.as_view()), name="service"),
    path("organizations", public_page(views.Organizations.as_view()), name="organizations"),
    path(
        "organizations/<path:hsds_id>",
        public_page(views.Organization.as_view()),
        name="organization",
    ),
    path("taxonomies", public_page(views.Taxonomies.as_view()), name="taxonomies"),
    path("taxonomies/<path:hsds_id>", public_page(views.Taxonomy.as_view()), name="taxonomy"),
    path("taxonomy_terms", public_page(views.TaxonomyTerms.as_view()), name="taxonomy_terms"),
    path(
        "taxonomy_terms/<path:hsds_id>",
        public_page(views.TaxonomyTerm.as_view()),
        name="taxonomy_term",
    ),
    path(
        "service_at_locations",
        public_page(views.ServiceAtLocations.as_view()),
        name="service_at_locations",
    ),
    path(
        "service_at_locations/<path:hsds_id>",
        public_page(views.ServiceAtLocation.as_view()),
        name="service_at_location",
    ),
]
