from .. import net
from ..util import flush, log
from ..net import Connection


class Worker(Connection):
    async def run(self):
        flush()
        net.close()
        log("done")
        self.open()  # inherited from pkg.net.Connection
        self.fileno()
