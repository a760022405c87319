from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark's scale seeder (``seed_scale``) and the bulk writer it uses; no page
    of the site imports them."""

    name = "bench"
    verbose_name = "Benchmark"
