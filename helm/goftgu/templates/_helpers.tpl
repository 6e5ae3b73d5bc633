{{/*
The five services: values key → name, HTTP port (each service's quarkus.http.port), whether it owns a database,
and which services may call it inside the cluster (NetworkPolicy).
*/}}
{{- define "goftgu.services" -}}
gateway:
  name: gateway
  port: 8080
  database: true
  callers: []
  fromIngress: true
internalChat:
  name: internal-chat-service
  port: 8081
  database: true
  callers: [gateway, realtime-service]
  fromIngress: false
supportChat:
  name: support-chat-service
  port: 8082
  database: true
  callers: [gateway, realtime-service]
  fromIngress: false
supportInfo:
  name: support-info-service
  port: 8083
  database: true
  callers: [gateway]
  fromIngress: false
realtime:
  name: realtime-service
  port: 8084
  database: false
  callers: [gateway]
  fromIngress: true
{{- end }}

{{- define "goftgu.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end }}

{{/* name of one service's objects: (dict "root" $ "name" "gateway") */}}
{{- define "goftgu.componentName" -}}
{{- printf "%s-%s" (include "goftgu.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{- define "goftgu.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: goftgu
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{- define "goftgu.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{- define "goftgu.image" -}}
{{- $tag := .root.Values.global.image.tag | default .root.Chart.AppVersion -}}
{{- printf "%s/%s:%s" .root.Values.global.image.registry .values.image.repository $tag -}}
{{- end }}

{{- define "goftgu.internalSecretName" -}}
{{- if .Values.global.internalSecret.existingSecret -}}
{{- .Values.global.internalSecret.existingSecret -}}
{{- else -}}
{{- printf "%s-internal" (include "goftgu.fullname" .) -}}
{{- end -}}
{{- end }}

{{- define "goftgu.url" -}}
{{- printf "http://%s:%v" (include "goftgu.componentName" (dict "root" .root "name" .name)) .port -}}
{{- end }}

{{/*
Plain settings of one service (its ConfigMap). Every variable here is read by the service's application.properties
or a platform library's defaults; the chart's config-parity test (helm/src/test) checks none the code requires is missing.
*/}}
{{- define "goftgu.config" -}}
{{- $root := .root -}}
{{- $v := .values -}}
{{- $services := include "goftgu.services" $root | fromYaml -}}
KAFKA_BOOTSTRAP_SERVERS: {{ $root.Values.global.kafka.bootstrapServers | quote }}
GOFTGU_JWT_ISSUER: {{ $root.Values.global.jwt.issuer | quote }}
GOFTGU_JWT_AUDIENCE: {{ $root.Values.global.jwt.audience | quote }}
JAVA_OPTS_APPEND: {{ trim (printf "%s %s" $root.Values.global.javaOpts ($v.javaOpts | default "")) | quote }}
QUARKUS_OTEL_SDK_DISABLED: {{ (not $root.Values.global.tracing.enabled) | quote }}
QUARKUS_OTEL_SERVICE_NAME: {{ .name | quote }}
{{- if $root.Values.global.tracing.enabled }}
QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT: {{ $root.Values.global.tracing.endpoint | quote }}
QUARKUS_OTEL_TRACES_SAMPLER: "parentbased_traceidratio"
QUARKUS_OTEL_TRACES_SAMPLER_ARG: {{ $root.Values.global.tracing.samplerRatio | toString | quote }}
{{- end }}
{{- if .database }}
QUARKUS_DATASOURCE_JDBC_URL: {{ $v.database.jdbcUrl | quote }}
{{- end }}
{{- if ne .name "gateway" }}
GOFTGU_JWKS_URL: {{ printf "%s/.well-known/jwks.json" (include "goftgu.url" (dict "root" $root "name" "gateway" "port" $services.gateway.port)) | quote }}
{{- end }}
{{- if eq .name "gateway" }}
GOFTGU_INTERNAL_CHAT_URL: {{ include "goftgu.url" (dict "root" $root "name" "internal-chat-service" "port" $services.internalChat.port) | quote }}
GOFTGU_SUPPORT_CHAT_URL: {{ include "goftgu.url" (dict "root" $root "name" "support-chat-service" "port" $services.supportChat.port) | quote }}
GOFTGU_SUPPORT_INFO_URL: {{ include "goftgu.url" (dict "root" $root "name" "support-info-service" "port" $services.supportInfo.port) | quote }}
GOFTGU_REALTIME_URL: {{ include "goftgu.url" (dict "root" $root "name" "realtime-service" "port" $services.realtime.port) | quote }}
GOFTGU_SIGNUP_ENABLED: {{ $v.signupEnabled | quote }}
GOFTGU_COOKIES_SECURE: {{ $v.cookiesSecure | quote }}
GOFTGU_PUBLIC_URL: {{ $v.publicUrl | default (printf "https://%s" $root.Values.ingress.host) | quote }}
GOFTGU_NOTIFY_EMAIL: {{ $v.mail.enabled | quote }}
GOFTGU_NOTIFY_DELAY: {{ $v.mail.delay | quote }}
GOFTGU_NOTIFY_DIGEST_INTERVAL: {{ $v.mail.digestInterval | quote }}
GOFTGU_NOTIFY_BATCH_WAIT: {{ $v.mail.batchWait | quote }}
GOFTGU_MAIL_FROM: {{ $v.mail.from | quote }}
GOFTGU_MAIL_LOG_ONLY: {{ (not $v.mail.smtp.host) | quote }}
{{- if $v.mail.smtp.host }}
GOFTGU_SMTP_HOST: {{ $v.mail.smtp.host | quote }}
GOFTGU_SMTP_PORT: {{ $v.mail.smtp.port | quote }}
GOFTGU_SMTP_TLS: {{ $v.mail.smtp.tls | quote }}
GOFTGU_SMTP_STARTTLS: {{ $v.mail.smtp.startTls | quote }}
{{- end }}
QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING: "true"
QUARKUS_HTTP_PROXY_TRUSTED_PROXIES: {{ $v.trustedProxies | quote }}
{{- end }}
{{- if eq .name "realtime-service" }}
GOFTGU_INTERNAL_CHAT_URL: {{ include "goftgu.url" (dict "root" $root "name" "internal-chat-service" "port" $services.internalChat.port) | quote }}
GOFTGU_SUPPORT_CHAT_URL: {{ include "goftgu.url" (dict "root" $root "name" "support-chat-service" "port" $services.supportChat.port) | quote }}
GOFTGU_ALLOWED_ORIGINS: {{ $v.allowedOrigins | default (printf "https://%s" $root.Values.ingress.host) | quote }}
{{- end }}
{{- range $k, $val := $v.env }}
{{ $k }}: {{ $val | toString | quote }}
{{- end }}
{{- end }}
