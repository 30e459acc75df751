import machine
from time import sleep as nap
import asyncio


async def main():
    nap(0.5)
    nap(3)
