"""The translator's round trip in the admin (admin/translations/, see urls.py): download the
texts of a language to translate or review as a PO file, upload it back, check the preview,
confirm. Coordinators and translation reviewers only (returnee_portal/roles.py)."""

import uuid

from django.conf import settings
from django.contrib import admin, messages
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from returnee_portal.filenames import download_filename
from returnee_portal.languages import language_name
from returnee_portal.links import absolute_url
from returnee_portal.params import query_nul_free
from returnee_portal.roles import user_can_translate, user_is_reviewer

from .actions import file_language, translation_upload_commit, translation_upload_plan
from .forms import DownloadForm, UploadForm
from .po import po_read, po_write
from .selectors import texts_to_translate

UPLOAD_SALT = "translations.upload"
# An uploaded file waits this long for its confirm (as long as an admin session lasts).
UPLOAD_KEPT = settings.SESSION_COOKIE_AGE


def _check_access(request):
    if not user_can_translate(request.user):
        raise PermissionDenied


def _page(request, template, status=200, **context):
    context = {**admin.site.each_context(request), "title": _("Translations"), **context}
    return render(request, template, context, status=status)


def _home(request, *, download=None, upload=None, status=200):
    """The page with the two forms (the download's and the upload's)."""
    return _page(
        request,
        "translations/home.html",
        status=status,
        download=download or DownloadForm(),
        upload=upload or UploadForm(),
        reviewed=user_is_reviewer(request.user),
    )


def translation_home(request):
    """The two forms; with a language chosen (?language=rom), the file to download."""
    _check_access(request)
    download = DownloadForm(query_nul_free(request.GET) if "language" in request.GET else None)
    if download.is_valid():
        return _download(download.cleaned_data)
    return _home(request, download=download, status=400 if download.is_bound else 200)


def _download(chosen):
    language, municipality, model = chosen["language"], chosen["municipality"], chosen["content"]
    texts = texts_to_translate(language=language, municipality=municipality, model=model)
    content = po_write(texts=texts, language=language, context=_context)
    name = download_filename(
        _("translations"),
        language,
        municipality.slug if municipality else "",
        model._meta.verbose_name_plural if model else "",
        day=timezone.localdate(),
        extension="po",
    )
    response = HttpResponse(content, content_type="text/x-gettext-translation; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _context(text) -> str:
    """What a translator reads beside a text: what it belongs to, and where it is shown."""
    obj = text.obj
    label = obj._meta.get_field(text.field).verbose_name
    lines = [f"{capfirst(obj._meta.verbose_name)}: {obj} - {label}"]
    if hasattr(obj, "get_absolute_url"):
        lines.append(absolute_url(obj.get_absolute_url()))
    return "\n".join(lines)


@require_POST
def translation_upload(request):
    """The preview of an uploaded file: what it changes, or why it cannot be taken."""
    _check_access(request)
    upload = UploadForm(request.POST, request.FILES)
    if not upload.is_valid():
        return _home(request, upload=upload, status=400)
    key = f"translations-upload-{uuid.uuid4().hex}"
    cache.set(key, upload.content, timeout=UPLOAD_KEPT)
    token = signing.dumps(
        [key, upload.cleaned_data["file"].name, request.user.pk], salt=UPLOAD_SALT, compress=True
    )
    return _preview(request, plan=_plan(request, upload.po, upload.language), token=token)


def _plan(request, po, language):
    return translation_upload_plan(
        po=po, language=language, reviewed=user_is_reviewer(request.user)
    )


def _preview(request, *, plan, token, status=200):
    return _page(
        request,
        "translations/preview.html",
        status=status if not plan.errors else 409,
        plan=plan,
        language_name=language_name(plan.language),
        token=token if plan.changes and not plan.errors else "",
    )


@require_POST
def translation_confirm(request):
    """Take the previewed file: all of it, or nothing if anything changed since."""
    _check_access(request)
    try:
        key, file_name, user_pk = signing.loads(
            request.POST.get("token", ""), salt=UPLOAD_SALT, max_age=UPLOAD_KEPT
        )
    except (signing.BadSignature, ValueError, TypeError):
        user_pk, content = None, None
    else:
        content = cache.get(key)
    if user_pk != request.user.pk or content is None:
        messages.error(
            request, _("This upload has expired. Nothing was saved: upload the file again.")
        )
        return redirect("translations:home")
    po = po_read(content)
    plan = _plan(request, po, file_language(po))
    if plan.errors:
        return _preview(request, plan=plan, token="", status=409)
    try:
        translation_upload_commit(plan=plan, user=request.user, file_name=file_name)
    except ValueError:
        # Changed between the check and the lock: a new check says what.
        return _preview(request, plan=_plan(request, po, plan.language), token="", status=409)
    cache.delete(key)
    count = len(plan.changes)
    message = ngettext(
        "%(count)d %(language)s translation saved.",
        "%(count)d %(language)s translations saved.",
        count,
    )
    messages.success(request, message % {"count": count, "language": language_name(plan.language)})
    return redirect("translations:home")
