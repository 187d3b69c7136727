# API package
from api.routes import bp
