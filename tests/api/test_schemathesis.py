"""The whole API specification (this portal's profile of HSDS 3.0: api/spec.py) run against
the server over HTTP by Schemathesis: property-based requests for every operation, every
answer checked against the document (status codes, content types, headers, schemas, no
server errors)."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from api.spec import openapi_profile

pytestmark = pytest.mark.django_db(transaction=True)

schema = schemathesis.openapi.from_dict(openapi_profile())


@pytest.fixture
def api_url(live_server, directory, settings):
    settings.API_RATE = "100000/minute"  # the run's own pace is not what is tested here
    return f"{live_server.url}/api/hsds"


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_meets_the_specification(case, api_url):
    case.call_and_validate(base_url=api_url)
