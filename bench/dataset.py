"""The benchmarks' dataset: the demo content plus the project's generated directory.

The generated rows come from demo/scale.py (`manage.py generate_scale_data`): 200 generated
municipalities and N services, seed 1, so every run and machine has the same rows; every one
of them is marked as generated (slug "gen-…", names "Generated …" in each language) and can
never pass for a real office.
"""

import os
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
MUNICIPALITIES = 200
SEED = 1


def django_setup(*, services: int, static: bool = True) -> None:
    """Configure Django for a benchmark: the production settings (DEBUG off, so templates are
    cached as in production) on loopback, with DATABASE_URL or a SQLite file per size in the
    system temp folder. `static`: collect the static files (for benchmarks that serve them)."""
    database = Path(tempfile.gettempdir()) / f"returnee-portal-bench-gen-{services}.sqlite3"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{database}")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "returnee_portal.settings")
    sys.path.insert(0, str(PROJECT))

    import django
    from django.core.management import call_command

    django.setup()
    if static:
        call_command("collectstatic", interactive=False, verbosity=0)  # the production storage


def dataset_build(*, services: int) -> None:
    """Migrate, load the demo, and generate `services` services (demo/scale.py) unless exactly
    that many generated ones are there already."""
    import io

    from django.core.management import call_command

    from demo.scale import PREFIX, scale_data_generate
    from services.models import Service

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    if Service.objects.filter(slug__startswith=PREFIX).count() != services:
        scale_data_generate(
            municipalities=MUNICIPALITIES, services=services, seed=SEED, replace=True
        )
