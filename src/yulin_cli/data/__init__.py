"""Data in and out: spreadsheet import and export, the duplicate scan, merging and unmerging."""
