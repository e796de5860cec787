package news.panorama.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.ibm.icu.util.Region;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import news.panorama.core.Json;
import org.jspecify.annotations.Nullable;

/**
 * The countries of the world as SVG paths, drawn once from the Natural Earth boundaries shipped in
 * the jar ({@code world-atlas}'s 1:50m TopoJSON, ISC licence) in the Equal Earth projection.
 *
 * <p>Each arc is simplified on its own (Douglas–Peucker, half a pixel at the map's width), so
 * neighbours keep sharing their border exactly and the page stays small; a country too small to
 * draw at that scale (Singapore, Malta, Bahrain…) is shown as a dot, so it can still be picked.
 */
final class WorldMap {
  static final int WIDTH = 960;
  /** Equal Earth's extent in its own units: x within ±2.7066, y within ±1.3173. */
  private static final double SCALE = WIDTH / (2 * 2.7066);
  static final int HEIGHT = (int) Math.ceil(2 * 1.3173 * SCALE);
  private static final double TOLERANCE = 0.5;
  private static final double MIN_EXTENT = 2.0;
  private static final String RESOURCE = "/news/panorama/server/map/countries-50m.json";
  /** Features of the boundaries file without an ISO 3166 numeric code, by their name there. */
  private static final Map<String, String> UNCODED = Map.of("Kosovo", "XK", "Somaliland", "SO",
      "N. Cyprus", "CY", "Siachen Glacier", "IN");

  /** A country's outline ({@code path} may be empty) and, when too small to draw, a dot. */
  record Shape(String country, String name, String path, double @Nullable [] dot) {}

  private static final java.util.Set<String> COUNTRIES = countries();
  private static volatile @Nullable List<Shape> shapes;

  private WorldMap() {}

  /** Every country with its outline, loaded on first use. */
  static List<Shape> shapes() {
    List<Shape> s = shapes;
    if (s == null) {
      synchronized (WorldMap.class) {
        s = shapes;
        if (s == null) {
          s = load();
          shapes = s;
        }
      }
    }
    return s;
  }

  /** Whether a code is an ISO 3166-1 alpha-2 country code (or Kosovo's user-assigned XK). */
  static boolean isCountry(String code) {
    return COUNTRIES.contains(code);
  }

  /** The English name of an ISO 3166-1 alpha-2 code ("TR" → "Türkiye"); the code when unknown. */
  static String countryName(String code) {
    if (code.isEmpty()) return "Unknown country";
    String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
    return name.isEmpty() || name.equals(code) ? code : name;
  }

  private static java.util.Set<String> countries() {
    java.util.Set<String> codes = new java.util.HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
    codes.add("XK");
    return java.util.Set.copyOf(codes);
  }

  private static List<Shape> load() {
    JsonNode topology;
    try (InputStream in = WorldMap.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("the world map " + RESOURCE + " is missing from the jar");
      topology = Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the world map " + RESOURCE, e);
    }
    List<double[][]> arcs = arcs(topology);
    List<Shape> out = new ArrayList<>();
    for (JsonNode g : topology.path("objects").path("countries").path("geometries")) {
      String name = g.path("properties").path("name").asText();
      String code = alpha2(g.path("id").asText(""), name);
      if (code == null) continue;
      List<JsonNode> polygons = new ArrayList<>();
      if ("Polygon".equals(g.path("type").asText())) {
        polygons.add(g.path("arcs"));
      } else {
        g.path("arcs").forEach(polygons::add);
      }
      StringBuilder d = new StringBuilder();
      double[] largest = null;
      double largestArea = -1;
      for (JsonNode polygon : polygons) {
        for (JsonNode ring : polygon) {
          List<double[]> points = ring(ring, arcs);
          double[] box = box(points);
          double area = (box[2] - box[0]) * (box[3] - box[1]);
          if (area > largestArea) {
            largestArea = area;
            largest = box;
          }
          if (points.size() < 3 || Math.max(box[2] - box[0], box[3] - box[1]) < MIN_EXTENT) continue;
          appendRing(d, points);
        }
      }
      double[] dot = d.isEmpty() && largest != null
          ? new double[] {(largest[0] + largest[2]) / 2, (largest[1] + largest[3]) / 2} : null;
      if (!d.isEmpty() || dot != null) out.add(new Shape(code, name, d.toString(), dot));
    }
    return List.copyOf(out);
  }

  private static @Nullable String alpha2(String numeric, String name) {
    if (numeric.isEmpty()) return UNCODED.get(name);
    try {
      Region region = Region.getInstance(Integer.parseInt(numeric));
      String code = region.toString();
      return code.length() == 2 ? code : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Decodes the quantized, delta-encoded arcs, projects them and simplifies each. */
  private static List<double[][]> arcs(JsonNode topology) {
    JsonNode transform = topology.path("transform");
    double sx = transform.path("scale").get(0).asDouble();
    double sy = transform.path("scale").get(1).asDouble();
    double tx = transform.path("translate").get(0).asDouble();
    double ty = transform.path("translate").get(1).asDouble();
    List<double[][]> out = new ArrayList<>();
    for (JsonNode arc : topology.path("arcs")) {
      double[][] points = new double[arc.size()][];
      long x = 0;
      long y = 0;
      for (int i = 0; i < arc.size(); i++) {
        x += arc.get(i).get(0).asLong();
        y += arc.get(i).get(1).asLong();
        points[i] = project(x * sx + tx, y * sy + ty);
      }
      out.add(simplify(points));
    }
    return out;
  }

  /** Equal Earth (Šavrič, Patterson and Jenny, 2018), in pixels from the map's top-left corner. */
  static double[] project(double lonDegrees, double latDegrees) {
    final double a1 = 1.340264;
    final double a2 = -0.081106;
    final double a3 = 0.000893;
    final double a4 = 0.003796;
    double lambda = Math.toRadians(lonDegrees);
    double theta = Math.asin(Math.sqrt(3) / 2 * Math.sin(Math.toRadians(latDegrees)));
    double t2 = theta * theta;
    double t6 = t2 * t2 * t2;
    double x = 2 * Math.sqrt(3) * lambda * Math.cos(theta) / (3 * (9 * a4 * t6 * t2 + 7 * a3 * t6 + 3 * a2 * t2 + a1));
    double y = theta * (a4 * t6 * t2 + a3 * t6 + a2 * t2 + a1);
    return new double[] {WIDTH / 2.0 + x * SCALE, HEIGHT / 2.0 - y * SCALE};
  }

  private static double[][] simplify(double[][] points) {
    if (points.length <= 2) return points;
    boolean[] keep = new boolean[points.length];
    keep[0] = true;
    keep[points.length - 1] = true;
    douglasPeucker(points, 0, points.length - 1, keep);
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < points.length; i++) {
      if (keep[i]) out.add(points[i]);
    }
    return out.toArray(double[][]::new);
  }

  private static void douglasPeucker(double[][] p, int first, int last, boolean[] keep) {
    // iterative, with an explicit stack: long coastlines would nest deeply
    int[] stack = new int[2 * p.length];
    int top = 0;
    stack[top++] = first;
    stack[top++] = last;
    while (top > 0) {
      int b = stack[--top];
      int a = stack[--top];
      double worst = -1;
      int at = -1;
      for (int i = a + 1; i < b; i++) {
        double d = distance(p[i], p[a], p[b]);
        if (d > worst) {
          worst = d;
          at = i;
        }
      }
      if (at >= 0 && worst > TOLERANCE) {
        keep[at] = true;
        stack[top++] = a;
        stack[top++] = at;
        stack[top++] = at;
        stack[top++] = b;
      }
    }
  }

  private static double distance(double[] p, double[] a, double[] b) {
    double dx = b[0] - a[0];
    double dy = b[1] - a[1];
    double length = Math.hypot(dx, dy);
    if (length == 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
    return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
  }

  /** A ring's points from its arcs: index i is arc i, ~i (negative) arc i reversed. */
  private static List<double[]> ring(JsonNode ring, List<double[][]> arcs) {
    List<double[]> out = new ArrayList<>();
    for (JsonNode index : ring) {
      int i = index.asInt();
      double[][] arc = arcs.get(i >= 0 ? i : ~i);
      for (int k = 0; k < arc.length; k++) {
        double[] point = arc[i >= 0 ? k : arc.length - 1 - k];
        if (k == 0 && !out.isEmpty()) continue; // shared with the previous arc's last point
        out.add(point);
      }
    }
    return out;
  }

  private static double[] box(List<double[]> points) {
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (double[] p : points) {
      box[0] = Math.min(box[0], p[0]);
      box[1] = Math.min(box[1], p[1]);
      box[2] = Math.max(box[2], p[0]);
      box[3] = Math.max(box[3], p[1]);
    }
    return box;
  }

  /** Appends a closed ring in relative coordinates rounded to tenths of a pixel. */
  private static void appendRing(StringBuilder d, List<double[]> points) {
    long px = 0;
    long py = 0;
    int written = 0;
    for (double[] point : points) {
      long x = Math.round(point[0] * 10);
      long y = Math.round(point[1] * 10);
      if (written > 0 && x == px && y == py) continue;
      if (written == 0) {
        d.append('M').append(tenths(x)).append(',').append(tenths(y));
      } else {
        d.append(written == 1 ? "l" : " ").append(tenths(x - px)).append(',').append(tenths(y - py));
      }
      written++;
      px = x;
      py = y;
    }
    d.append('z');
  }

  private static String tenths(long v) {
    long abs = Math.abs(v);
    String s = (v < 0 ? "-" : "") + abs / 10;
    return abs % 10 == 0 ? s : s + "." + abs % 10;
  }
}
