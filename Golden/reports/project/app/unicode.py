import utime


async def greet(display):
    display.show("héllo ✓ [1m bell 🐍")
    utime.sleep(1)  # café 
