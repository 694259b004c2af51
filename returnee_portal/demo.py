"""Loading demo content idempotently, shared by the apps' demo_content modules."""

from django.db import models


def upsert_changed(model: type[models.Model], lookup: dict, values: dict) -> models.Model:
    """Create the row found by `lookup`, or save it only if one of `values` differs."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    changed = False
    for field, value in values.items():
        if getattr(obj, field) != value:
            setattr(obj, field, value)
            changed = True
    if changed:
        obj.save()
    return obj
