# Production image of the service: built with the project's own Maven wrapper on Java 17 (the code's level), run on a
# Java 25 JRE from the extracted jar with an AOT cache (JEP 483/514/515: classes loaded and linked, method profiles)
# and the build's Spring AOT bean definitions (process-aot; -Dspring.aot.enabled=true), which takes a start from about
# a third of the CPU of a plain `java -jar` (docs/benchmarks.md, Start-up).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -q -B -ntp dependency:go-offline
COPY . .
RUN ./mvnw -q -B -ntp package -DskipTests && cp target/waste-site-gis-*.jar /src/app.jar

FROM eclipse-temurin:25-jre
WORKDIR /app
COPY --from=build /src/app.jar packaged.jar
RUN java -Djarmode=tools -jar packaged.jar extract --destination . && rm packaged.jar
COPY gis-data gis-data
# The cache must come from the JVM that uses it, so it is made here: one training start on a throw-away embedded
# database that stops once the application context is refreshed.
RUN java -XX:AOTCacheOutput=app.aot -Dspring.aot.enabled=true -Dspring.context.exit=onRefresh -jar app.jar \
      --server.port=0 --gis.data-dir=training && rm -rf training
ENV GIS_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-Dspring.aot.enabled=true", "-XX:MaxRAMPercentage=75", \
            "-jar", "/app/app.jar"]
