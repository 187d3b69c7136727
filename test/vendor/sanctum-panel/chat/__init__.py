from chat.routes import bp
