"""Views of the coalition: the public page and join form, and the werkruimte's pages."""
