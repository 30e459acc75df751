import CLibXML2
import Engine
