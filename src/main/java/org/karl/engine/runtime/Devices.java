package org.karl.engine.runtime;

import static org.tensorflow.internal.c_api.global.tensorflow.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.tensorflow.TensorFlow;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;

/**
 * Which device TensorFlow will run on, in words: "CPU (2 cores)" or the GPU's name. Lists the
 * devices of a throw-away session through the C API, so the answer is TF's own, never a guess.
 */
public final class Devices {

	private static volatile String cached;

	private Devices() {}

	/** E.g. "CPU (2 cores), TensorFlow 2.18.0" or "GPU 0: NVIDIA H200 (139 GiB), TensorFlow 2.18.0". */
	public static String describe() {
		String d = cached;
		if (d == null) cached = d = probe() + ", TensorFlow " + TensorFlow.version();
		return d;
	}

	private static String probe() {
		final List<String> gpus = new ArrayList<>();
		final TF_Status status = TF_NewStatus();
		final TF_Graph graph = TF_NewGraph();
		final TF_SessionOptions opts = TF_NewSessionOptions();
		try {
			final TF_Session session = TF_NewSession(graph, opts, status);
			if (TF_GetCode(status) != 0) return cpu();
			final TF_DeviceList list = TF_SessionListDevices(session, status);
			for (int i = 0; i < TF_DeviceListCount(list); i++) {
				if ("GPU".equals(TF_DeviceListType(list, i, status).getString())) gpus.add(
					TF_DeviceListName(list, i, status).getString().replaceAll(".*device:", "") + " (" +
						TF_DeviceListMemoryBytes(list, i, status) / (1L << 30) + " GiB)");
			}
			TF_DeleteDeviceList(list);
			TF_CloseSession(session, status);
			TF_DeleteSession(session, status);
		}
		finally {
			TF_DeleteSessionOptions(opts);
			TF_DeleteGraph(graph);
			TF_DeleteStatus(status);
		}
		if (gpus.isEmpty()) return cpu();
		final List<String> names = nvidiaNames();
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < gpus.size(); i++) {
			if (i > 0) sb.append("; ");
			sb.append(gpus.get(i));
			if (i < names.size()) sb.append(" ").append(names.get(i));
		}
		return sb.toString();
	}

	private static String cpu() {
		return "CPU (" + Runtime.getRuntime().availableProcessors() + " cores)";
	}

	/** GPU product names from nvidia-smi when it is installed; empty otherwise. */
	private static List<String> nvidiaNames() {
		final List<String> names = new ArrayList<>();
		try {
			final Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=name",
				"--format=csv,noheader").redirectErrorStream(true).start();
			try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
				StandardCharsets.UTF_8)))
			{
				String line;
				while ((line = r.readLine()) != null) if (!line.isBlank()) names.add(line.trim());
			}
			p.waitFor(5, TimeUnit.SECONDS);
		}
		catch (final Exception e) {
			// NB: no nvidia-smi is normal on CPU machines and some clusters; the TF name stays.
		}
		return names;
	}
}
