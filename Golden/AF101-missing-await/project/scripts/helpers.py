async def ping():
    pass
