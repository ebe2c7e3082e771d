# Production image of the service: built with the project's own Maven wrapper, run on a JRE from the extracted jar
# with a class-data-sharing archive (Java 17 AppCDS), which halves the CPU a start needs (docs/benchmarks.md).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -q -B -ntp dependency:go-offline
COPY . .
RUN ./mvnw -q -B -ntp package -DskipTests && cp target/waste-site-gis-*.jar /src/app.jar

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/app.jar /tmp/app.jar
RUN java -Djarmode=tools -jar /tmp/app.jar extract --destination /app && rm /tmp/app.jar
COPY gis-data /app/gis-data
# The archive must come from the JVM that uses it, so it is made here: one training start on a throw-away embedded
# database that stops once the application context is refreshed and writes the classes it loaded.
RUN java -XX:ArchiveClassesAtExit=/app/app.jsa -Dspring.context.exit=onRefresh -jar /app/app.jar \
      --server.port=0 --gis.data-dir=/tmp/train && rm -rf /tmp/train
ENV GIS_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/app.jsa", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
