#!/bin/sh
# Stand-in for Prisma's schema-engine binary, which these machines cannot download.
# `prisma generate` only needs the variable to point at an executable; migrations are applied
# by prisma/migrate.ts instead. Anything that really calls this fails loudly.
echo "schema-engine is not available here: migrations run through prisma/migrate.ts" >&2
exit 1
