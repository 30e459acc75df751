"""A script directory, not a package: `import helpers` finds scripts/helpers.py."""
import helpers


async def main():
    await helpers.ping()
