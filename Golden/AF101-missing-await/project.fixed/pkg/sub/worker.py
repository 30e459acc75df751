from .. import net
from ..util import flush, log
from ..net import Connection


class Worker(Connection):
    async def run(self):
        await flush()
        await net.close()
        log("done")
        await self.open()  # inherited from pkg.net.Connection
        self.fileno()
