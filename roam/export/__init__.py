"""Exports: results workbook, comparison workbook, submission package, draft report."""
