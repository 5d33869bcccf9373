"""The one door for every action: use cases that both the CLI and the app call.

Each use case decides access once (roam.access policy), writes the audit trail once, then works on
the store. Nothing in roam/ui or roam/cli reaches the raw store; it calls a module of this package.
"""
