"""Builds the classifier's hot modules (classify/native.py's COMPILED) as C extensions with
mypyc; everything else about the package is in pyproject.toml. With FUTUREWATCH_PURE_PYTHON set
nothing is compiled and the package runs from its sources alone."""

import os
import runpy

from setuptools import setup

native = runpy.run_path(os.path.join("classify", "native.py"))


def extensions():
    if native["pure_requested"]():
        return []
    from mypyc.build import mypycify

    paths = [name.replace(".", "/") + ".py" for name in native["COMPILED"]]
    return mypycify(["--no-site-packages", "--ignore-missing-imports", "--follow-imports=silent", *paths], opt_level="3",
                    group_name=native["GROUP"])


setup(ext_modules=extensions())
