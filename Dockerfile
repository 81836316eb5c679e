# The image deploy/kubernetes/ runs: Orienta with its trained model. Build from a clone:
#   docker build -t orienta:latest .
# Python 3.10 (Rasa 3.6); the exact versions of requirements.lock; the model trained at build
# time, so a pod never trains or downloads anything when it starts.
FROM python:3.10-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 TF_CPP_MIN_LOG_LEVEL=2 RASA_TELEMETRY_ENABLED=false \
    SQLALCHEMY_SILENCE_UBER_WARNING=1
WORKDIR /app
COPY requirements.lock ./
RUN pip install --no-cache-dir pip==24.3.1 setuptools==70.3.0 wheel==0.45.1 \
 && pip install --no-cache-dir -r requirements.lock
COPY . .
RUN python -m bot.runtime train && mv models/orienta-*.tar.gz models/orienta.tar.gz \
 && useradd --uid 1000 --home-dir /app orienta && mkdir -p var && chown -R orienta var
USER 1000
EXPOSE 5005 5090
