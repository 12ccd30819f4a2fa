"""Explainable classification and entity extraction.

`classify_pending(url)` classifies the archive; `default_classifier().classify(title, text)`
classifies any text without a database."""

from classify import native

native.install()   # compiled modules or their sources (classify/native.py), before any is imported

from classify.classifier import Classifier, Options, default_classifier
from classify.pipeline import ClassifySummary, classify_pending

__all__ = ["Classifier", "ClassifySummary", "Options", "classify_pending", "default_classifier"]
