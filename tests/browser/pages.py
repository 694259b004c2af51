"""What the browser tests ask of a page: axe-core, focus, target sizes, weight and requests."""

import gzip
import re
from pathlib import Path

from django.conf import settings
from playwright.sync_api import expect

from tests.factories import PASSWORD

UI_LANGUAGES = [code for code, _name in settings.LANGUAGES]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
BLOCKING_IMPACTS = {"serious", "critical"}


# The public pages' budget for HTML + CSS + JS, gzipped (design.md, section 7).
PAGE_WEIGHT_BUDGET = 30 * 1024


def axe_violations(page, axe_path) -> list[str]:
    """Serious and critical axe-core violations on `page`, one readable line per node.

    axe-core is evaluated through the DevTools protocol, which the page's
    Content-Security-Policy does not govern (a <script> tag of it would be refused)."""
    page.evaluate(Path(axe_path).read_text(encoding="utf-8") + "\n;undefined")
    violations = page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: tags});
            return results.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map((n) => n.target.join(" ") + "  " + n.failureSummary),
            }));
        }""",
        AXE_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> {node}"
        for v in violations
        if v["impact"] in BLOCKING_IMPACTS
        for node in v["nodes"]
    ]


FOCUSED_ELEMENT = """(selector) => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const transparent = (color) => /rgba\\(.*,\\s*0\\)$/.test(color) || color === "transparent";
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
        && !transparent(style.outlineColor);
    const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        href: el.getAttribute("href"),
        text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 60),
        matches: selector ? el.matches(selector) : false,
        visible: outline || shadow,
        style: `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; `
            + `box-shadow: ${style.boxShadow}`,
    };
}"""


def focused(page, selector: str = "") -> dict | None:
    """The focused element, and whether a focus indicator (outline or shadow) is drawn."""
    return page.evaluate(FOCUSED_ELEMENT, selector)


def tab_to(page, selector: str, *, limit=80) -> dict:
    """Press Tab until the focused element matches `selector`; every stop must show its focus.

    Raises AssertionError if an element on the way has no visible focus indicator, or if the
    target is not reached within `limit` presses.
    """
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page, selector)
        if element is None:
            continue
        assert element["visible"], f"focus not visible on {page.url}: {element}"
        if element["matches"]:
            return element
    raise AssertionError(f"{selector} not reached with Tab on {page.url}")


# WCAG 2.2 SC 2.5.8 (Target Size, Minimum, AA): a pointer target is at least 24 x 24 CSS px.
# Exception applied here: a link that flows inline within a sentence (display: inline, and its
# block holds other text besides the link), as WCAG exempts targets "in a sentence" whose size
# is set by the line height. Hidden and off-screen elements (the skip link until focused, the
# honeypot field) are no targets.
SMALL_TARGETS = """() => {
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary";
    const small = [];
    const width = document.documentElement.scrollWidth;
    const blockOf = (el) => {
        let node = el.parentElement;
        while (node && getComputedStyle(node).display.startsWith("inline")) {
            node = node.parentElement;
        }
        return node;
    };
    const squash = (text) => (text || "").replace(/\\s+/g, " ").trim();
    for (const el of document.querySelectorAll(
        ["header", "main", "footer"].map((part) => `${part} :is(${selector})`).join(", ")
    )) {
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        if (!el.getClientRects().length || style.visibility === "hidden"
            || el.closest("[aria-hidden=true]") || box.right <= 0 || box.left >= width) continue;
        if (box.width >= 24 && box.height >= 24) continue;
        if (el.tagName === "A" && style.display === "inline") {
            const block = blockOf(el);
            if (block && squash(block.textContent).length > squash(el.textContent).length) continue;
        }
        const text = squash(el.textContent || el.value).slice(0, 40);
        small.push(`${el.tagName.toLowerCase()} "${text}" `
            + `${Math.round(box.width)}x${Math.round(box.height)}`);
    }
    return small;
}"""


def small_targets(page) -> list[str]:
    return page.evaluate(SMALL_TARGETS)


def offsite(requests: list[str], origin: str) -> list[str]:
    """Requests that leave the test server (data: URLs are inline, not requests)."""
    return [
        url for url in requests if not (url.startswith(origin + "/") or url.startswith("data:"))
    ]


def gzipped_size(body: bytes) -> int:
    """What a server that gzips would send: level 9, as WhiteNoise's precompressed files."""
    return len(gzip.compress(body, compresslevel=9, mtime=0))


def transferred_size(response) -> int:
    """The body's size as sent, gzipped: measured if the server compressed it, else computed."""
    if response.header_value("content-encoding") == "gzip":
        return response.request.sizes()["responseBodySize"]
    return gzipped_size(response.body())


def admin_login(page, *, username="associate", password=PASSWORD):
    page.goto("/admin/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("#login-form [type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def menu_open(page):
    """Open the header's menu where it is folded (on phones: a "Menu" button)."""
    summary = page.locator("details.menu > summary")
    if summary.is_visible() and page.locator("details.menu[open]").count() == 0:
        summary.click()
