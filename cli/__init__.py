"""Command-line commands of 公报通: a stable contract other tools and checks rely on."""
