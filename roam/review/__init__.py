"""Multistakeholder validation: review rounds, ratings, verdicts by rules kept as data.

A round opens on one stored version of an assessment; MAB members or workshop participants rate
its findings (online or in rating workbooks); verdicts, balance and the comment log are worked
out from the stored ratings with the thresholds in ``indicators/<version>/review.yaml``.
"""
