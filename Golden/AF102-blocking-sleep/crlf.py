import machine
import time


async def main():
    time.sleep(0.3)  # CRLF file
