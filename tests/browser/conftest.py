"""Browser tests: Debian's Chromium driven by Playwright (sync API) against pytest-django's
live server.

No browser is downloaded: Playwright launches the system Chromium (`/usr/bin/chromium`, or
$CHROMIUM_PATH). Without it the browser tests are skipped with one line saying how to install
it; with REQUIRE_BROWSER=1 (set by .ci/run) a missing Chromium or axe-core fails the run
instead, so CI cannot pass with the browser tests skipped.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test's thread; Django then refuses ORM calls
# there (SynchronousOnlyOperation) unless told that this is deliberate.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_PATH = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REQUIRE_BROWSER = os.environ.get("REQUIRE_BROWSER") == "1"

CHROMIUM_MISSING = (
    "Chromium not found: install it with `sudo apt-get install chromium` to run the browser tests"
)
AXE_MISSING = (
    "axe-core not found: run `npm ci` in the project folder (Node.js and npm: "
    "`sudo apt-get install nodejs npm`) to run the accessibility tests"
)
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

PHONE = {
    "viewport": {"width": 360, "height": 640},
    "device_scale_factor": 1,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
DEVICES = {"phone": PHONE, "desktop": DESKTOP}


def chromium_available() -> bool:
    return os.path.isfile(CHROMIUM_PATH) and os.access(CHROMIUM_PATH, os.X_OK)


def _missing(reason: str):
    if REQUIRE_BROWSER:
        pytest.fail(f"REQUIRE_BROWSER=1: {reason}", pytrace=False)
    pytest.skip(reason)


_MISSING_LINE = _missing.__code__.co_firstlineno


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """A missing Chromium or axe-core is reported once (pytest -ra), not once per test."""
    report = (yield).get_result()
    if report.skipped and isinstance(report.longrepr, tuple):
        reason = report.longrepr[2]
        if reason.endswith((CHROMIUM_MISSING, AXE_MISSING)):
            report.longrepr = (str(Path(__file__).relative_to(ROOT)), _MISSING_LINE, reason)


# Browser tests that end skipped while REQUIRE_BROWSER=1, whatever skipped them.
_skipped_in_ci: list[str] = []


def pytest_runtest_logreport(report):
    if REQUIRE_BROWSER and report.skipped and "browser" in report.keywords:
        _skipped_in_ci.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if _skipped_in_ci and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter):
    if _skipped_in_ci:
        terminalreporter.write_line(
            f"REQUIRE_BROWSER=1 but {len(_skipped_in_ci)} browser test(s) were skipped: failing.",
            red=True,
        )


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole session; each test opens its own contexts."""
    if not chromium_available():
        _missing(CHROMIUM_MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source(chromium):
    if not AXE_PATH.is_file():
        _missing(AXE_MISSING)
    return AXE_PATH


@pytest.fixture
def origin(live_server) -> str:
    return live_server.url


@pytest.fixture
def new_context(chromium, origin):
    """Open a browser context: `new_context(device="phone"|"desktop", javascript=True)`.

    Each context records every request it makes (`context.requests`), for the privacy checks.
    The default locale is Serbian (Latin), like a phone bought in Serbia. The service worker
    (the offline copy) is blocked unless a test asks for it (`service_workers="allow"`,
    tests/browser/test_offline.py): online it changes nothing a page shows, and without it
    every other test sees each page exactly as the server sent it.
    """
    contexts = []

    def open_context(
        *, device="phone", javascript=True, locale="sr-Latn-RS", service_workers="block"
    ):
        context = chromium.new_context(
            **DEVICES[device],
            java_script_enabled=javascript,
            locale=locale,
            base_url=origin,
            service_workers=service_workers,
        )
        context.set_default_timeout(10_000)
        context.requests = []
        context.on("request", lambda request: context.requests.append(request.url))
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture(autouse=True)
def _roles(transactional_db):
    """The groups and permissions the data migration made, which each test's flush removes.

    Not `serialized_rollback`: once Playwright's event loop runs in the test thread, Django
    keeps its database connection per context, and the copy serialized at setup is lost.
    """
    from django.apps import apps

    from returnee_portal.roles import roles_sync

    roles_sync(apps)


@pytest.fixture
def portal(own_municipality, foreign_municipality):
    """A small, realistic directory (test data, not demo content: the phone number is fake)."""
    from tests.dataset import portal_create

    return portal_create(own_municipality=own_municipality, foreign=foreign_municipality)
