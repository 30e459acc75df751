async def flush():
    pass


def log(message):
    print(message)
