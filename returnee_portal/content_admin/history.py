"""The content admin's history: readable changes; coordinators alone revert."""

import dataclasses

from simple_history.template_utils import HistoricalRecordContextHelper


class ContentHistoryContextHelper(HistoricalRecordContextHelper):
    def context_for_delta_changes(self, delta):
        # Noise that would hide the real changes: the version (bumped by every save) and empty
        # translations turning from NULL into "" when first saved through the admin.
        changes = [
            change
            for change in delta.changes
            if change.field != "version"
            and not (change.old in (None, "") and change.new in (None, ""))
        ]
        return super().context_for_delta_changes(dataclasses.replace(delta, changes=changes))
