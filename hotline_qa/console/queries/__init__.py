"""The console's reads: `store` (what every page shares) and one module per page."""
