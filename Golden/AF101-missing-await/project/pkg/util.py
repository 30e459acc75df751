async def flush():
    pass


def log(message):
    print(message)


class Pause:
    def __await__(self):
        yield
