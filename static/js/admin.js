// The "filter" icons of Django's two-list selector (SelectFilter2.js) carry an aria-label on a
// plain <span>, which assistive technology ignores (axe: aria-prohibited-attr). As an image,
// the label names the search box it belongs to. Registered after SelectFilter's own "load"
// handler (this script comes last on the page), so the icons exist by then.
window.addEventListener("load", function () {
    document.querySelectorAll(".selector .search-label-icon[aria-label]").forEach(function (icon) {
        icon.setAttribute("role", "img");
    });
});
