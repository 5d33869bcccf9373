"""Published assessments as open data: a Frictionless Data Package and a read-only HTTP API.

Only what the policy lets the public see (roam/access_policy.yaml: published assessments) is
ever read: both outputs look at the store through roam.access as the anonymous public user.
"""
