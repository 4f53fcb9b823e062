"""Packaging glue pyproject.toml cannot express: ship the top-level resources/ folder inside the
package as ``blueprint_app._resources``, so an installed app finds its examples, templates,
translations, icons and schema."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["blueprint_app", "blueprint_app.*"]),
              "blueprint_app._resources"],
    package_dir={"blueprint_app._resources": "resources"},
)
