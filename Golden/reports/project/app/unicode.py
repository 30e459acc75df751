import utime


async def greet(display):
    display.show("héllo ✓ [1m bell 🐍")
    utime.sleep(1)  # café 
    name = "Zoë"; utime.sleep(2)  # the column counts characters, not bytes
