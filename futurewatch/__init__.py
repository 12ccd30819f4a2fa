"""futurewatch: watches Chinese news and policy on future industries."""

__version__ = "0.1.0"
