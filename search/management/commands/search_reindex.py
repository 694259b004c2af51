from django.core.management.base import BaseCommand

from search.index import search_index_rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the content. Saves keep it current by themselves; run "
        "this after loading data without saving it (fixtures, bulk SQL)."
    )

    def handle(self, *args, **options):
        count = search_index_rebuild()
        self.stdout.write(f"Search index rebuilt: {count} entries in every language.")
