% forecastWeatherTrainnet  forecastWeather.m (the reference Keras regression workflow) in MATLAB's current idiom:
% a layer array ending with the output fullyConnectedLayer, trainnet with the loss 'mse', and minibatchpredict.
% The windows are numTimeSteps-by-numChannels, as trainnet reads sequences; the features are standardized by
% sequenceInputLayer's 'zscore' normalization, with statistics from the training windows (the target is
% standardized by hand, fitted on the training part, and the predictions scaled back).
%
%  1. Read the table; drop the first column (the date) and keep the numeric columns, the target last:
%     precipitation, temp_min, wind -> temp_max (the 'weather' word column is left out).
%  2. Split chronologically, 80/20, no shuffling.
%  3. Build sequences: look-back windows of the past lookBack days, with the target of every day in the window.
%  4. BiGRU(64) then a fully connected layer of 1, mean squared error, Adam, 10 epochs, batches of 32.
%  5. Predict the test days (the last step of each window), print RMSE, MAE and R^2, and plot actual (dark
%     orange) against predicted (navy), "BiGRU Regression Fit Comparison".
%
% Variables that may be set before running it: maxEpochs (default 10), verbose (default true),
% lookBack (default 14), plotFile (default '': show the figure; a file name: save it there).

if ~exist('maxEpochs', 'var'), maxEpochs = 10; end
if ~exist('verbose', 'var'), verbose = true; end
if ~exist('lookBack', 'var'), lookBack = 14; end
if ~exist('plotFile', 'var'), plotFile = ''; end
rng(0);

% ---- 1. the table
here = fileparts(mfilename('fullpath'));
fid = fopen(fullfile(here, 'data', 'seattle-weather.csv'), 'r');
columns = textscan(fid, '%s %f %f %f %f %s', 'Delimiter', ',', 'HeaderLines', 1);
fclose(fid);
precipitation = columns{2}; temp_max = columns{3}; temp_min = columns{4}; wind = columns{5};
features = [precipitation, temp_min, wind];
target = temp_max;
rows = size(features, 1);

% ---- 2. chronological split of the rows; the target standardized on the training rows
nTrain = floor(0.8 * rows);
yMu = mean(target(1:nTrain));
ySigma = std(target(1:nTrain));
yScaled = (target - yMu) / ySigma;

% ---- 3. look-back windows, numTimeSteps-by-numChannels: window t covers rows t-lookBack+1 .. t
last = (lookBack:rows)';
X = arrayfun(@(t) features(t - lookBack + 1:t, :), last, 'UniformOutput', false);
T = arrayfun(@(t) yScaled(t - lookBack + 1:t), last, 'UniformOutput', false);
inTrain = last <= nTrain;
XTrain = X(inTrain);  TTrain = T(inTrain);
XTest = X(~inTrain);

% ---- 4. the network and its training
layers = [
    sequenceInputLayer(size(features, 2), 'Normalization', 'zscore')
    bigruLayer(64, 'OutputMode', 'sequence')
    fullyConnectedLayer(1) ];
options = trainingOptions('adam', 'MaxEpochs', maxEpochs, 'MiniBatchSize', 32, ...
                          'Shuffle', 'every-epoch', 'Metrics', 'rmse', 'Verbose', verbose);
net = trainnet(XTrain, TTrain, layers, 'mse', options);

% ---- 5. evaluation on the test days
out = minibatchpredict(net, XTest, 'UniformOutput', false);
predicted = cellfun(@(o) o(end), out) * ySigma + yMu;
actual = target(last(~inTrain));
rmse = sqrt(mean((actual - predicted) .^ 2));
mae = mean(abs(actual - predicted));
r2 = 1 - sum((actual - predicted) .^ 2) / sum((actual - mean(actual)) .^ 2);
fprintf('Test RMSE: %.4f\n', rmse);
fprintf('Test MAE: %.4f\n', mae);
fprintf('Test R^2: %.4f\n', r2);

try
  if isempty(plotFile)
    figure;
  else
    figure('Visible', 'off');
  end
  plot(actual, 'Color', [1 0.549 0]);           % dark orange
  hold on;
  plot(predicted, 'Color', [0 0 0.502]);        % navy
  hold off;
  title('BiGRU Regression Fit Comparison');
  xlabel('Sample index');
  ylabel('temp\_max (degrees C)');
  legend('Actual', 'Predicted');
  grid on;
  if ~isempty(plotFile)
    print(plotFile, '-dpng');
  end
catch err
  fprintf('The plot could not be drawn here: %s\n', err.message);
end
