from tests.fcplus import dance, fcplus_offline  # noqa: F401 - fixtures
