"""Access to the werkruimte: two login steps for staff, lock-out, idle timeout, password reset.

The middleware that enforces the second step and the idle timeout lives in
`hilversum_eenzaamheid.access_middleware`; the settings are in the "Access" block of settings.py.
"""
