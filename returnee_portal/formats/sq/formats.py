# Albanian: Django's own formats leave numbers ungrouped ("400000,00"); group thousands with a
# no-break space, as Albanian writes them (CLDR). Everything else comes from Django's sq module.
THOUSAND_SEPARATOR = "\u00a0"
NUMBER_GROUPING = 3
