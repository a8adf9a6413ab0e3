from harness import config, index_dir, isolated, make_app, seed_index  # noqa: F401  (fixtures)
