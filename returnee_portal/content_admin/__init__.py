"""The base of every content admin (`ContentAdmin`): what an editor of a ContentModel gets.

Each ModelAdmin hook is overridden once, here, and calls a named piece of this package:

- the form's layout: a fieldset per language, Cyrillic corrections for coordinators, the loaded
  version (fieldsets.py);
- the forms: no lost updates, Cyrillic corrections (forms.py);
- saving: only from the version the user loaded (returnee_portal.locking);
- the list: the review-state column and filter, the "Mark ... as reviewed" actions (review.py);
- history: readable changes; coordinators alone revert (history.py).

No lost updates, in every path (optimistic locking on `ContentModel.version`):
- Change form (and simple-history's revert form): the loaded version travels in a hidden
  field; a save from an older version is refused on the form, which keeps the user's input,
  and the first save stands.
- Changelist with `list_editable`: each row carries its version; if any edited row is stale,
  the whole submit is refused (nothing saved, the input kept, the stale entries named).
- Actions that write use `locking.content_update_all`, which bumps each version, so a form
  opened before the action is refused after it.
- Inlines (e.g. project indicators) are guarded by their parent's version: the parent is
  saved, and so bumped, with every submit of its change form.
A save that loses the race between the form check and the write raises VersionConflict, which
rolls the request back; the view then runs once more, and the form check now sees the
winner's version and refuses with the form and its input.
"""

from django.contrib import admin
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from ..locking import VersionConflict, content_save_with_version
from ..roles import user_is_coordinator
from .fieldsets import content_fieldsets
from .forms import (
    LOADED_VERSION,
    VersionedChangelistForm,
    VersionedChangelistFormSet,
    VersionedModelForm,
    cyrillic_corrections_form,
)
from .history import ContentHistoryContextHelper
from .review import TranslationStateFilter, review_actions, translation_states_html

__all__ = ["LOADED_VERSION", "ContentAdmin"]


class ContentAdmin(SimpleHistoryAdmin, TranslationAdmin):
    """Subclasses name their language-independent fields in `common_fields`."""

    common_fields: tuple = ()
    form = VersionedModelForm

    # --- The change form ---

    def get_fieldsets(self, request, obj=None):
        return content_fieldsets(
            model=self.model,
            obj=obj,
            common_fields=self.common_fields,
            cyrillic=user_is_coordinator(request.user),
            versioned=obj is not None and self.has_change_permission(request, obj),
        )

    def get_form(self, request, obj=None, **kwargs):
        if user_is_coordinator(request.user):
            kwargs["form"] = cyrillic_corrections_form(self.model, kwargs.get("form", self.form))
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "translation_states_display")

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
            return
        obj._history_user = request.user
        content_save_with_version(obj=obj, expected_version=form.cleaned_data[LOADED_VERSION])

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return self._run_once_more_on_conflict(
            super().changeform_view, request, object_id, form_url, extra_context
        )

    # --- The list ---

    def get_list_display(self, request):
        return (*super().get_list_display(request), "translation_states_display")

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), TranslationStateFilter)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.actions is None or IS_POPUP_VAR in request.GET:
            return actions
        if self.has_change_permission(request):
            actions.update(review_actions())
        return actions

    def get_changelist_form(self, request, **kwargs):
        return super().get_changelist_form(request, form=VersionedChangelistForm, **kwargs)

    def get_changelist_formset(self, request, **kwargs):
        return super().get_changelist_formset(request, formset=VersionedChangelistFormSet, **kwargs)

    def changelist_view(self, request, extra_context=None):
        return self._run_once_more_on_conflict(super().changelist_view, request, extra_context)

    @admin.display(description=_("Translation state"))
    def translation_states_display(self, obj):
        return translation_states_html(obj)

    # --- History (django-simple-history) ---
    # Anyone who may view an entry may view its history (the scoping hooks decide); only
    # coordinators may revert to an earlier version.

    def revert_disabled(self, request, obj=None):
        return not user_is_coordinator(request.user)

    def history_view_title(self, request, obj):
        return _("History of %(entry)s") % {"entry": obj}

    def history_view(self, request, object_id, extra_context=None):
        self._refuse_malformed_pk(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._refuse_malformed_pk(object_id)
        # simple-history only hides the Revert button; the POST must be refused as well.
        if request.method == "POST" and self.revert_disabled(request):
            raise PermissionDenied
        return self._run_once_more_on_conflict(
            super().history_form_view, request, object_id, version_id, extra_context
        )

    def get_historical_record_context_helper(self, request, historical_record):
        return ContentHistoryContextHelper(self.model, historical_record)

    def _refuse_malformed_pk(self, object_id):
        """simple-history looks up the URL's id as given; a non-number would be a 500."""
        try:
            self.model._meta.pk.to_python(unquote(object_id))
        except (ValidationError, ValueError):
            raise Http404 from None

    def _run_once_more_on_conflict(self, view, *args):
        try:
            with transaction.atomic(using=router.db_for_write(self.model)):
                return view(*args)
        except VersionConflict:
            return view(*args)
